// The verifiers' only way out: every fetch goes to the test's live server, nowhere else.
//
// A did:web identifier resolves over https (did:web spec); the test server speaks plain
// http on 127.0.0.1, so https://<its host>/... is answered from http://<its host>/... .
// 1EdTech's OB 3.0 JSON Schema is answered from the copy bundled with the tests
// (tests/credentials/schemas/, see its README). `replay` maps URLs to documents served
// instead of the live ones: a stale copy that a cache or an attacker could hand out.
// Any other address is refused, and every address asked for is recorded.
import {readFileSync} from 'node:fs';

export const SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

export function confine({origin, schemaPath, replay = {}}) {
  const allowed = new URL(origin);
  const requested = [];
  const realFetch = globalThis.fetch;

  function localAddress(url) {
    const target = new URL(url);
    if(target.host !== allowed.host) {
      return null;
    }
    return `${allowed.protocol}//${allowed.host}${target.pathname}${target.search}`;
  }

  async function confinedFetch(input, init) {
    const url = typeof input === 'string' ? input : (input.url ?? String(input));
    requested.push(url);
    if(replay[url]) {
      return new Response(JSON.stringify(replay[url]), {
        status: 200, headers: {'Content-Type': 'application/json'}
      });
    }
    if(url === SCHEMA_URL) {
      return new Response(readFileSync(schemaPath, 'utf8'), {
        status: 200, headers: {'Content-Type': 'application/json'}
      });
    }
    const local = localAddress(url);
    if(local === null) {
      throw new TypeError(`confined network: refusing to fetch ${url}`);
    }
    if(typeof input !== 'string' && input instanceof Request) {
      return realFetch(new Request(local, input), init);
    }
    return realFetch(local, init);
  }

  globalThis.fetch = confinedFetch;
  return {requested, fetch: confinedFetch};
}

// did:web:<host>:<path…> -> https://<host>/<path…>/did.json (fragment dropped)
export function didWebToUrl(did) {
  const [host, ...segments] = did.slice('did:web:'.length).split('#')[0].split(':');
  const path = segments.map(decodeURIComponent).join('/');
  return `https://${decodeURIComponent(host)}/${path ? `${path}/did.json` : '.well-known/did.json'}`;
}
