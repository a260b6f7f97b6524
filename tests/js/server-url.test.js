import { test } from "node:test";
import assert from "node:assert/strict";
import { isLoopbackUrl, normaliseServerUrl, tokenMayGoTo } from "../../extension/lib/settings.js";

test("the team token goes over https, or in clear only to this computer", () => {
  for (const url of [
    "https://rules.example.com",
    "https://203.0.113.5:8417",
    "http://127.0.0.1:8417",
    "http://127.1.2.3",
    "http://localhost:8417",
    "http://shipguard.localhost",
    "http://[::1]:8417",
  ]) {
    assert.equal(tokenMayGoTo(url), true, url);
  }
});

test("the team token never goes in clear across a network", () => {
  for (const url of [
    "http://rules.example.com",
    "http://192.168.1.20:8417",
    "http://10.0.0.1",
    "http://[::ffff:7f00:1]",
    "http://127.0.0.1.evil.example",
    "http://localhost.evil.example",
    "http://0.0.0.0:8417",
    "ftp://127.0.0.1",
    "not a url",
    "",
  ]) {
    assert.equal(tokenMayGoTo(url), false, url);
  }
});

test("loopback means this computer by name or address, not a look-alike", () => {
  assert.equal(isLoopbackUrl("http://127.0.0.1:8417"), true);
  assert.equal(isLoopbackUrl("http://127.0.0.1.nip.io"), false);
  assert.equal(isLoopbackUrl("http://mylocalhost"), false);
});

test("the shipped default server URL may carry the token", () => {
  assert.equal(tokenMayGoTo(normaliseServerUrl("http://127.0.0.1:8417/")), true);
});
