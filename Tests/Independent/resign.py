#!/usr/bin/env python3
"""Signs a certificate again (eddsa-jcs-2022, with PyPI's rfc8785 and cryptography) and
writes it in canonical form, keeping the issuer it names.

  resign.py IN.json OUT.json              a fresh key that is not the issuer's: what a
                                          forger who copied a genuine certificate makes
  resign.py --key z3u2… IN.json OUT.json  the given Multikey private key (Ed25519 seed)
  --as-issuer                             also name the signing key as the issuer, as the
                                          platform's own certificates of another key do

The input's proof supplies the proof options (created, purpose); its value is replaced.
"""
import argparse
import hashlib
import json

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58btc(data):
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, digit = divmod(number, 58)
        text = BASE58[digit] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def base58btc_decode(text):
    number = 0
    for character in text:
        number = number * 58 + BASE58.index(character)
    return b"\0" * (len(text) - len(text.lstrip("1"))) + number.to_bytes((number.bit_length() + 7) // 8, "big")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", help="Multikey private key z3u2… (multicodec ed25519-priv 0x1300 + seed)")
    parser.add_argument("--as-issuer", action="store_true", help="name the signing key's did:key as the issuer")
    parser.add_argument("source")
    parser.add_argument("target")
    arguments = parser.parse_args()
    if arguments.key:
        raw = base58btc_decode(arguments.key[1:])
        if raw[:2] != b"\x80\x26" or len(raw) != 34:
            raise SystemExit("not an Ed25519 Multikey private key")
        key = Ed25519PrivateKey.from_private_bytes(raw[2:])
    else:
        key = Ed25519PrivateKey.generate()
    with open(arguments.source, encoding="utf-8") as file:
        document = json.load(file)
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    did = "did:key:z" + base58btc(b"\xed\x01" + public)
    if arguments.as_issuer:
        document["issuer"]["id"] = did
    proof = {k: v for k, v in document.pop("proof").items() if k != "proofValue"}
    proof["verificationMethod"] = did + "#" + did[len("did:key:"):]
    proof["@context"] = document["@context"]
    data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()
    proof["proofValue"] = "z" + base58btc(key.sign(data))
    document["proof"] = proof
    with open(arguments.target, "wb") as file:
        file.write(rfc8785.dumps(document))


if __name__ == "__main__":
    main()
