//! The page's script and style, in the binary: nothing is fetched from
//! elsewhere, and the editor works offline.

use super::Response;

const EDITOR_JS: &str = include_str!("assets/editor.js");
const EDITOR_CSS: &str = include_str!("assets/editor.css");

/// `GET /assets/…`.
pub fn get(path: &str) -> Option<Response> {
    let (content_type, body) = match path {
        "/assets/editor.js" => ("text/javascript; charset=utf-8", EDITOR_JS),
        "/assets/editor.css" => ("text/css; charset=utf-8", EDITOR_CSS),
        _ => return None,
    };
    Some(Response::new(200, content_type, body))
}
