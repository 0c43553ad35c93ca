// Derives sr25519 keys from BIP-39 phrases with polkadot.js, as btcli and polkadot.js wallets do, so that the xunit test
// Subtensor/Wallets/PolkadotJsWalletTests can compare the keyfiles New-BittensorWallet writes with someone else's code.
// Usage: node derive-keys.mjs <file with a JSON array of phrases>
// Prints one JSON array: per phrase, whether polkadot.js finds it a valid BIP-39 mnemonic, its mini secret, the
// 64-byte secret key (polkadot.js's ed25519 form: scalar·8 ‖ nonce), the public key and the SS58 address (prefix 42).
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicToMiniSecret, mnemonicValidate, sr25519PairFromSeed } from '@polkadot/util-crypto';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node derive-keys.mjs <phrases.json>');
  process.exit(2);
}
await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const phrases = JSON.parse(readFileSync(file, 'utf8'));
const out = phrases.map((phrase) => {
  const mini = mnemonicToMiniSecret(phrase);
  const pair = sr25519PairFromSeed(mini);
  const fromKeyring = keyring.addFromMnemonic(phrase);
  return {
    valid: mnemonicValidate(phrase),
    miniSecret: u8aToHex(mini),
    secretKey: u8aToHex(pair.secretKey),
    publicKey: u8aToHex(pair.publicKey),
    keyringPublicKey: u8aToHex(fromKeyring.publicKey),
    address: fromKeyring.address,
  };
});
console.log(JSON.stringify(out));
