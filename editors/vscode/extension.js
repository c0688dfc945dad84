// The planc extension: the `plan` language (highlighting from the TextMate
// grammar) and a client for `planc lsp`, which provides diagnostics, go to
// definition, references, hover, completion, rename, outline, semantic
// highlighting and quick fixes.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("planc").get("path") || "planc";
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plan" },
      { scheme: "untitled", language: "plan" },
    ],
  };
  client = new LanguageClient("planc", "planc", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
