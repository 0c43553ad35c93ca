// Reads a node with @polkadot/api (a standard Substrate client) and prints what it saw as one JSON object.
// Usage: node read.mjs <ws-url> [netuid]
// The xunit test DevNode/PolkadotJsTests compares this with what WebSocketRpcClient reads from the same node.
import { ApiPromise, WsProvider } from '@polkadot/api';

const url = process.argv[2];
const netuid = Number(process.argv[3] ?? 1);
if (!url) {
  console.error('usage: node read.mjs <ws-url> [netuid]');
  process.exit(2);
}

// Bounded: a node that hangs must fail the test, not stall it.
const deadline = setTimeout(() => { console.error('timed out after 60 s'); process.exit(3); }, 60_000);

const provider = new WsProvider(url, false);
await provider.connect();
const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });

const header = await api.rpc.chain.getHeader();
const genesis = await api.rpc.chain.getBlockHash(0);
const runtime = await api.rpc.state.getRuntimeVersion();
const chain = await api.rpc.system.chain();
const properties = await api.rpc.system.properties();
const hashAtHead = await api.rpc.chain.getBlockHash(header.number.toNumber());

const out = {
  head: { number: header.number.toNumber(), hash: header.hash.toHex(), hashByNumber: hashAtHead.toHex() },
  genesis: genesis.toHex(),
  genesisMatchesApi: api.genesisHash.toHex() === genesis.toHex(),
  runtime: { specName: runtime.specName.toString(), specVersion: runtime.specVersion.toNumber(), transactionVersion: runtime.transactionVersion.toNumber() },
  metadataVersion: api.runtimeMetadata.version,
  chain: chain.toString(),
  ss58Format: properties.ss58Format.unwrapOr(null)?.toNumber() ?? null,
};

try {
  const key = api.query.subtensorModule.difficulty.key(netuid);
  const raw = await api.rpc.state.getStorage(key);
  out.storage = { item: 'SubtensorModule.Difficulty', netuid, key, raw: raw === null ? null : raw.toHex() };
  const decoded = await api.query.subtensorModule.difficulty(netuid);
  out.difficulty = decoded.toString();
  const networkAdded = await api.query.subtensorModule.networksAdded(netuid);
  out.networksAdded = networkAdded.toJSON();
} catch (e) {
  out.storageError = String(e?.message ?? e);
}

console.log(JSON.stringify(out));
clearTimeout(deadline);
await api.disconnect();
process.exit(0);
