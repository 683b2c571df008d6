// The Garantie extension: syntax highlighting comes from the TextMate
// grammar declared in package.json; everything else (diagnostics, hover,
// completion, formatting, quick fixes, go to definition, outline) from
// the language server `garantie lsp`, which this client starts.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** serverOptions runs `garantie lsp` over standard input and output. */
function serverOptions(config) {
  const command = config.get("server.path") || "garantie";
  const debounce = config.get("server.debounce") || "150ms";
  // TransportKind.stdio makes the client add --stdio, which garantie
  // lsp accepts.
  return { command, args: ["lsp", "--debounce", debounce], transport: TransportKind.stdio };
}

function clientOptions() {
  return {
    documentSelector: [
      { scheme: "file", language: "garantie" },
      { scheme: "untitled", language: "garantie" },
    ],
  };
}

async function start() {
  const config = vscode.workspace.getConfiguration("garantie");
  client = new LanguageClient("garantie", "Garantie", serverOptions(config), clientOptions());
  await client.start();
}

async function stop() {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("garantie.restartServer", async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("garantie.server")) {
        await stop();
        await start();
      }
    }),
  );
  try {
    await start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `Garantie: cannot start "garantie lsp" (${err.message}). Install garantie or set garantie.server.path.`,
    );
  }
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, serverOptions, clientOptions };
