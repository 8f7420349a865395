// The build highlights with Shiki's JavaScript regex engine (no WebAssembly
// heap held for the whole build); it must colour code exactly as the
// Oniguruma engine, Shiki's reference, does.
import { describe, expect, it } from 'vitest';
import { createHighlighter } from 'shiki';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { highlight } from '../../src/lib/highlight.ts';
import { SNIPPET_LANGS } from '../../src/schema/enums.ts';
import { DARK_THEME, LIGHT_THEME, styleToClassTransformer } from '../../src/lib/syntax-classes.ts';

const SAMPLES: Record<(typeof SNIPPET_LANGS)[number], string> = {
  yaml: "apiVersion: v1\nkind: Secret # a comment\nmetadata:\n  name: 'tls'\ndata:\n  key: |\n    multi\n    line\n  list: [a, 1, true, ~]",
  bash: 'set -euo pipefail\nexport TOKEN="$(cat /run/secrets/token)"\nkubectl apply -f - <<EOF\nkind: Pod\nEOF\nfor f in *.yaml; do echo "${f%.yaml}"; done',
  shell: 'helm install harbor harbor/harbor --set expose.tls.enabled=true # comment',
  console: '$ kubectl get pods -n kube-system\nNAME     READY   STATUS\ncoredns  1/1     Running',
  json: '{"enabled": true, "port": 8443, "names": ["a", null], "nested": {"x": -1.5e3}}',
  rego: 'package kubernetes.admission\n\ndeny[msg] { input.request.kind.kind == "Pod" }',
  toml: '[server]\naddress = "0.0.0.0:443"\ntls = true\n# comment\nports = [80, 443]',
  ini: '[auth]\nenabled = true ; comment\ntoken_file=/etc/token',
  dockerfile: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache ca-certificates && \\\n    adduser -D app\nUSER app\nENTRYPOINT ["/app"]',
  hcl: 'resource "aws_kms_key" "vault" {\n  description = "unseal"\n  enable_key_rotation = true\n  tags = { team = "sec" }\n}',
  text: 'plain text, nothing highlighted',
  go: 'package main\n\nimport "crypto/tls"\n\nfunc main() {\n\tcfg := &tls.Config{MinVersion: tls.VersionTLS13}\n\t_ = cfg // comment\n}',
  nginx: 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1.2 TLSv1.3;\n  location / { proxy_pass http://core:8080; }\n}',
  sql: "SELECT id, name FROM users WHERE role = 'admin' AND created_at > NOW() - INTERVAL '1 day';",
  python: 'import ssl\n\nctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.TLSv1_2  # comment\nprint(f"{ctx!r}")',
};

describe('highlighting', () => {
  it.each(SNIPPET_LANGS.map((lang) => [lang]))('colours %s exactly as the Oniguruma engine does', async (lang) => {
    const reference = await createHighlighter({
      themes: [LIGHT_THEME, DARK_THEME],
      langs: [],
      engine: createOnigurumaEngine(import('shiki/wasm')),
    });
    const code = SAMPLES[lang];
    const shown = lang === 'rego' ? 'text' : lang;
    await reference.loadLanguage(shown);
    const expected = reference.codeToHtml(code, {
      lang: shown,
      themes: { light: LIGHT_THEME, dark: DARK_THEME },
      defaultColor: false,
      transformers: [styleToClassTransformer],
    });
    // A real comparison: the sample is coloured, not passed through as plain text.
    if (shown !== 'text') expect(new Set(expected.match(/class="[^"]+"/g)).size).toBeGreaterThan(3);
    expect(await highlight(code, lang)).toBe(expected);
    reference.dispose();
  });
});
