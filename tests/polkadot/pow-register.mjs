// Registers a hotkey with pow_register on a node the way a polkadot.js user would: the call built from the node's
// metadata by @polkadot/api, the seal mined here (SPEC §10: Keccak256(SHA-256(131-byte payload)), little-endian rule),
// signed by an unfunded coldkey with the runtime's signed extensions, sent with signAndSend, followed to inBlock.
// Usage: node pow-register.mjs <ws-url> <netuid>
// Prints one JSON object; the xunit test DevNode/PolkadotJsPowRegisterTests compares it with the DevNode's state.
import { createHash } from 'node:crypto';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, keccakAsU8a } from '@polkadot/util-crypto';

const [url, netuidText] = process.argv.slice(2);
if (!url || !netuidText) {
  console.error('usage: node pow-register.mjs <ws-url> <netuid>');
  process.exit(2);
}
const netuid = Number(netuidText);
const deadline = setTimeout(() => { console.error('timed out after 60 s'); process.exit(3); }, 60_000);

await cryptoWaitReady();
const provider = new WsProvider(url, false);
await provider.connect();
const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519' });
const cold = keyring.addFromUri('//PolkadotJs//cold');
const hot = keyring.addFromUri('//PolkadotJs//hot');
const q = api.query.subtensorModule;

// The difficulty a seal must meet: D within [max(MinDifficulty, 1), max(MaxDifficulty, that)].
const [d, min, max] = (await Promise.all([q.difficulty(netuid), q.minDifficulty(netuid), q.maxDifficulty(netuid)])).map((v) => v.toBigInt());
const low = min > 1n ? min : 1n;
const high = max > low ? max : low;
const difficulty = d < low ? low : d > high ? high : d;
const bound = ((1n << 256n) - 1n) / difficulty;

const header = await api.rpc.chain.getHeader();
const block = header.number.toNumber();
const hash = await api.rpc.chain.getBlockHash(block);
const prefix = Buffer.concat([Buffer.from('subtensor-pow-register-v1'), Buffer.from(api.createType('u16', netuid).toU8a()),
  Buffer.from(hash.toU8a()), Buffer.from(decodeAddress(hot.address)), Buffer.from(decodeAddress(cold.address))]);
const nonceBytes = Buffer.alloc(8);
let found = null;
for (let nonce = 0n; nonce < 10_000_000n && !found; nonce++) {
  nonceBytes.writeBigUInt64LE(nonce);
  const work = keccakAsU8a(createHash('sha256').update(prefix).update(nonceBytes).digest(), 256);
  if (BigInt('0x' + Buffer.from(work).reverse().toString('hex')) <= bound) found = { nonce, work };
}
if (!found) { console.error('no seal found'); process.exit(4); }

const tx = api.tx.subtensorModule.powRegister(netuid, block, found.nonce, found.work, hot.address);
const outcome = await new Promise((resolve, reject) => {
  tx.signAndSend(cold, ({ status, events, dispatchError }) => {
    if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(status.toString()));
    if (!status.isInBlock) return;
    resolve({
      inBlock: status.asInBlock.toHex(),
      events: events.map(({ event }) => `${event.section}.${event.method}`),
      registered: events.filter(({ event }) => event.section === 'subtensorModule' && event.method === 'NeuronRegistered')
        .map(({ event }) => event.data.map((x) => x.toString())),
      dispatchError: dispatchError ? dispatchError.toString() : null,
    });
  }).catch(reject);
});

const uid = await q.uids(netuid, hot.address);
const last = await q.lastPowRegistrationBlock(hot.address);
const account = await api.query.system.account(cold.address);
console.log(JSON.stringify({
  metadataVersion: api.runtimeMetadata.version,
  specVersion: api.runtimeVersion.specVersion.toNumber(),
  callIndex: u8aToHex(tx.method.callIndex),
  args: tx.method.args.map((a) => a.toString()),
  signedExtensions: api.registry.signedExtensions,
  extrinsic: tx.toHex(),
  workBlock: block,
  nonce: found.nonce.toString(),
  difficulty: difficulty.toString(),
  hotkey: u8aToHex(decodeAddress(hot.address)),
  coldkey: u8aToHex(decodeAddress(cold.address)),
  ...outcome,
  uid: uid.isSome ? uid.unwrap().toNumber() : null,
  lastPowRegistrationBlock: last.isSome ? last.unwrap().toNumber() : null,
  coldFree: account.data.free.toString(),
  difficultyAfter: (await q.difficulty(netuid)).toString(),
}));
clearTimeout(deadline);
await api.disconnect();
process.exit(0);
