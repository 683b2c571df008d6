// Loads extension.js with stand-ins for the vscode API and the language
// client, and checks that activating it starts `garantie lsp` for
// .garantie documents and that deactivating it stops the server.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const Module = require("node:module");

const started = [];
const stopped = [];

class FakeLanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
  }
  async start() {
    started.push(this);
  }
  async stop() {
    stopped.push(this);
  }
}

const settings = { "server.path": "/opt/garantie/bin/garantie", "server.debounce": "" };
const fakeVscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.strictEqual(section, "garantie");
      return { get: (key) => settings[key] };
    },
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  commands: { registerCommand: (name) => ({ name, dispose() {} }) },
  window: { showErrorMessage: (msg) => assert.fail(msg) },
};

const fakes = {
  vscode: fakeVscode,
  "vscode-languageclient/node": { LanguageClient: FakeLanguageClient, TransportKind: { stdio: 0 } },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in fakes ? fakes[request] : load.call(this, request, ...rest);
};
const extension = require("../extension.js");

test("activate starts garantie lsp for .garantie documents", async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(started.length, 1);
  const c = started[0];
  assert.deepStrictEqual(c.serverOptions, {
    command: "/opt/garantie/bin/garantie",
    args: ["lsp", "--debounce", "150ms"],
    transport: 0,
  });
  assert.deepStrictEqual(c.clientOptions.documentSelector, [
    { scheme: "file", language: "garantie" },
    { scheme: "untitled", language: "garantie" },
  ]);
  assert.ok(context.subscriptions.some((s) => s.name === "garantie.restartServer"));

  await extension.deactivate();
  assert.deepStrictEqual(stopped, [c]);
});

test("the command defaults to garantie on the PATH", () => {
  const opts = extension.serverOptions({ get: () => undefined });
  assert.strictEqual(opts.command, "garantie");
  assert.deepStrictEqual(opts.args, ["lsp", "--debounce", "150ms"]);
});

test("package.json declares the language, grammar and activation", () => {
  const pkg = require("../package.json");
  assert.strictEqual(pkg.main, "./extension.js");
  assert.deepStrictEqual(pkg.contributes.languages[0].extensions, [".garantie"]);
  assert.strictEqual(pkg.contributes.grammars[0].scopeName, "source.garantie");
  assert.ok(pkg.activationEvents.includes("onLanguage:garantie"));
  const grammar = require("../" + pkg.contributes.grammars[0].path);
  assert.strictEqual(grammar.scopeName, "source.garantie");
});
