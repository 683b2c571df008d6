// Talks to a real `garantie lsp` process with the JSON-RPC library of
// VS Code's own language client (vscode-jsonrpc), so the server is
// checked against the framing and message shapes the extension uses.
// GARANTIE names the binary; ci.sh builds it. Without it the test is
// skipped.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { spawn } = require("node:child_process");
const rpc = require("vscode-jsonrpc/node");

const binary = process.env.GARANTIE;
const uri = "file:///tmp/sante.garantie";
const text = 'contrat "Santé"\neffet 2026-01-01\noptique.montre: forfait 5% PMSS / annee civile\n';

test("garantie lsp answers the VS Code client library", { skip: !binary && "GARANTIE is not set" }, async () => {
  const server = spawn(binary, ["lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  // A failed assertion must not leave the server (and so the test) running.
  test.after(() => server.kill());
  const exited = new Promise((resolve) => server.on("exit", resolve));
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  const diagnostics = new Promise((resolve) =>
    conn.onNotification("textDocument/publishDiagnostics", (p) => resolve(p)),
  );
  conn.listen();

  const init = await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  assert.strictEqual(init.serverInfo.name, "garantie");
  assert.strictEqual(init.capabilities.positionEncoding, "utf-16");
  await conn.sendNotification("initialized", {});
  await conn.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "garantie", version: 1, text },
  });

  const pub = await diagnostics;
  assert.strictEqual(pub.uri, uri);
  assert.deepStrictEqual(
    pub.diagnostics.map((d) => [d.code, d.severity, d.range]),
    [["E109", 1, { start: { line: 2, character: 0 }, end: { line: 2, character: 14 } }]],
  );

  const hover = await conn.sendRequest("textDocument/hover", {
    textDocument: { uri },
    position: { line: 2, character: 29 },
  });
  assert.match(hover.contents.value, /`5% PMSS` is 200,25 € with the PMSS of 2026-01-01/);

  const completion = await conn.sendRequest("textDocument/completion", {
    textDocument: { uri },
    position: { line: 3, character: 0 },
  });
  const monture = completion.items.find((i) => i.label === "optique.monture");
  assert.strictEqual(monture.detail, "Monture");

  const actions = await conn.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: pub.diagnostics[0].range,
    context: { diagnostics: pub.diagnostics },
  });
  assert.strictEqual(actions[0].edit.changes[uri][0].newText, "optique.monture");

  await conn.sendRequest("shutdown");
  await conn.sendNotification("exit");
  assert.strictEqual(await exited, 0);
  conn.dispose();
});
