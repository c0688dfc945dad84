fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let parsed = planc::syntax::parse(&text);
    for item in &parsed.file.items {
        println!("{:?}", item);
    }
    for d in &parsed.diagnostics {
        println!("{:?}", d);
    }
}
