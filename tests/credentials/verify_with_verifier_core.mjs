// A second independent check: the Digital Credentials Consortium's verifier
// (@digitalcredentials/verifier-core, behind VerifierPlus and the Learner Credential Wallet)
// verifies a credential issued by our Python code, exactly as it is published: it resolves
// the issuer's did:web, reads the Bitstring Status List and runs 1EdTech's OB 3.0 JSON Schema.
//
// usage: node verify_with_verifier_core.mjs CREDENTIAL.json ORIGIN SCHEMA.json [REPLAY.json]
// The network is confined to ORIGIN, the test's live server (confined_network.mjs); the
// schema comes from the copy bundled with the tests. No issuer registry is consulted.
// Prints one JSON line and exits 0 when the signature, expiry and revocation checks pass.
import {readFileSync} from 'node:fs';
import {confine} from './confined_network.mjs';

const [credentialPath, origin, schemaPath, replayPath] = process.argv.slice(2);
const credential = JSON.parse(readFileSync(credentialPath, 'utf8'));
const replay = replayPath ? JSON.parse(readFileSync(replayPath, 'utf8')) : {};
// before the verifier is loaded, so that every fetch it makes goes through the confinement
const network = confine({origin, schemaPath, replay});
const {verifyCredential} = await import('@digitalcredentials/verifier-core');

const result = await verifyCredential({credential, knownDIDRegistries: []});
const errors = (result.errors || []).map(error => ({name: error.name, message: error.message}));
const log = (result.log || []).map(step => ({
  id: step.id,
  valid: step.valid,
  error: step.error ? {name: step.error.name, message: step.error.message} : undefined,
}));
const schema = (result.additionalInformation || []).find(entry => entry.id === 'schema_check');
const step = id => log.find(entry => entry.id === id);
const verified = errors.length === 0 &&
  step('valid_signature')?.valid === true &&
  step('expiration')?.valid !== false &&
  step('revocation_status')?.valid === true;
console.log(JSON.stringify({
  verified,
  errors,
  log,
  schema: schema ? schema.results : null,
  requested: network.requested,
}));
process.exit(verified ? 0 : 1);
