use std::collections::BTreeSet;

use clap::CommandFactory;
use fluent_syntax::ast::{Entry, Message};

use super::*;
use crate::cli::Cli;

/// Every key the commands need words for, as `localized` looks them up.
fn needed() -> BTreeSet<String> {
    let mut command = Cli::command();
    command.build();
    let mut keys = BTreeSet::new();
    walk(&command, "planc", &mut keys);
    keys
}

fn walk(command: &Command, path: &str, keys: &mut BTreeSet<String>) {
    keys.insert(path.to_string());
    for arg in command.get_arguments() {
        let key = match arg.get_id().as_str() {
            "help" => "help".to_string(),
            "version" => "version".to_string(),
            _ => arg_key(path, arg),
        };
        let choices = arg.get_possible_values();
        if choices.iter().any(|v| v.get_help().is_some()) {
            for choice in &choices {
                keys.insert(format!("{key}-{}", choice.get_name()));
            }
        }
        if let Some(name) = value_name(arg) {
            keys.insert(format!("value.{}", value_key(&name)));
        }
        keys.insert(key);
    }
    for sub in command.get_subcommands() {
        walk(sub, &key_of(path, sub.get_name()), keys);
    }
}

/// Every key the file defines (attributes of `value` as `value.NAME`).
fn defined() -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(ZH).expect("i18n/zh/help.ftl parses");
    let mut keys = BTreeSet::new();
    for entry in resource.body {
        if let Entry::Message(Message { id, attributes, .. }) = entry {
            if id.name == "value" {
                for a in attributes {
                    keys.insert(format!("value.{}", a.id.name));
                }
            } else {
                keys.insert(id.name.to_string());
            }
        }
    }
    keys
}

#[test]
fn every_command_and_option_has_chinese_words_and_every_entry_is_used() {
    let needed = needed();
    let defined = defined();
    let missing: Vec<_> = needed.difference(&defined).collect();
    let unused: Vec<_> = defined.difference(&needed).collect();
    assert!(missing.is_empty(), "i18n/zh/help.ftl lacks {missing:?}");
    assert!(unused.is_empty(), "i18n/zh/help.ftl has unused {unused:?}");
}

#[test]
fn a_key_names_the_command_path_and_the_option() {
    let mut command = Cli::command();
    command.build();
    let check = command.find_subcommand("check").expect("check");
    let deny = check
        .get_arguments()
        .find(|a| a.get_id() == "deny_warnings")
        .expect("--deny-warnings");
    assert_eq!(arg_key("planc-check", deny), "planc-check-deny-warnings");
    assert_eq!(value_key("FACT=VALUE"), "fact-value");
}
