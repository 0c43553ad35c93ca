// Decodes a signed extrinsic with @polkadot/types and verifies its sr25519 signature over the payload polkadot.js
// builds itself from the runtime's metadata (signed extensions, era, spec/transaction versions, genesis and birth
// block hashes). No node is needed: everything comes from the arguments.
// Usage: node verify-extrinsic.mjs <metadata-hex-file> <extrinsic-hex> <genesis-hash> <birth-block-hash> <spec> <tx-version>
// Prints one JSON object, with two controls that must come out invalid. The xunit test DevNode/PolkadotJsSignatureTests compares it with what we built.
import { readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';

const [file, extrinsicHex, genesisHash, birthHash, spec, txVersion] = process.argv.slice(2);
if (!txVersion) {
  console.error('usage: node verify-extrinsic.mjs <metadata-hex-file> <extrinsic-hex> <genesis-hash> <birth-block-hash> <spec> <tx-version>');
  process.exit(2);
}
await cryptoWaitReady();

const registry = new TypeRegistry();
const metadata = new Metadata(registry, readFileSync(file, 'utf8').trim());
registry.setMetadata(metadata);

// Verifies one extrinsic's signature against a payload built here from the given hashes and versions.
function verify(hex, genesis, birth) {
  const ext = registry.createType('Extrinsic', hex);
  const payload = registry.createType('ExtrinsicPayload', {
    method: ext.method.toHex(),
    era: ext.era,
    nonce: ext.nonce,
    tip: ext.tip,
    mode: ext.inner.signature.mode ?? 0,
    specVersion: Number(spec),
    transactionVersion: Number(txVersion),
    genesisHash: genesis,
    blockHash: birth,
  }, { version: ext.version & 0x7f });
  let message = payload.toU8a({ method: true });
  if (message.length > 256) message = blake2AsU8a(message, 256);
  // MultiAddress::Id and MultiSignature::Sr25519 carry a variant byte before the key and the signature.
  const bare = (u8, length) => (u8.length === length + 1 ? u8.subarray(1) : u8);
  const signer = bare(ext.signer.toU8a(), 32);
  return { ext, signer, verdict: signatureVerify(message, bare(ext.signature.toU8a(), 64), signer) };
}

const { ext, signer, verdict } = verify(extrinsicHex, genesisHash, birthHash);
// Controls, which must fail: the era's birth hash and the genesis hash swapped, and the call's last byte changed.
const swapped = verify(extrinsicHex, birthHash, genesisHash).verdict.isValid;
const bytes = hexToU8a(extrinsicHex);
bytes[bytes.length - 1] ^= 1;
const tampered = verify(u8aToHex(bytes), genesisHash, birthHash).verdict.isValid;

const era = ext.era.isMortalEra ? ext.era.asMortalEra : null;
console.log(JSON.stringify({
  section: ext.method.section,
  method: ext.method.method,
  args: ext.method.args.map((a) => a.toString()),
  signer: u8aToHex(signer),
  nonce: ext.nonce.toNumber(),
  mortal: ext.era.isMortalEra,
  period: era ? era.period.toNumber() : 0,
  phase: era ? era.phase.toNumber() : 0,
  signedExtensions: registry.signedExtensions,
  valid: verdict.isValid,
  validWithHashesSwapped: swapped,
  validWithCallChanged: tampered,
  crypto: verdict.crypto,
}));
process.exit(0);
