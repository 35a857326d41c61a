#!/usr/bin/env python3
"""Verifies yanxiud certificates with code that is not the daemon's.

RFC 8785 canonicalisation comes from PyPI's `rfc8785`, SHA-256 from Python's hashlib and
Ed25519 from PyPI's `cryptography`. For each certificate file it checks the eddsa-jcs-2022
Data Integrity proof (W3C "Data Integrity EdDSA Cryptosuites v1.0", 3.3) with the key of
the issuer's did:key, and, given status list credentials, reads its revocation bit
(W3C Bitstring Status List v1.0) after checking the list's own proof.

Prints one JSON object per certificate on its own line:
  {"file", "serial", "signature": "valid"|"invalid: …", "status": "revoked"|"not revoked"|"no entry"|"no list"|"invalid list: …"}
"""
import argparse
import base64
import gzip
import hashlib
import json
import sys

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58btc_decode(text):
    number = 0
    for character in text:
        number = number * 58 + BASE58.index(character)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + body


def did_key_public_key(did):
    """The Ed25519 public key of a did:key: multibase base58btc of multicodec 0xed01 + 32 bytes."""
    if not did.startswith("did:key:z"):
        raise ValueError("not a base58btc did:key")
    raw = base58btc_decode(did[len("did:key:z"):])
    if raw[:2] != b"\xed\x01" or len(raw) != 34:
        raise ValueError("not an Ed25519 did:key")
    return raw[2:]


def verify_proof(document):
    """Returns the DID whose key made the proof; raises ValueError when it does not verify."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise ValueError("no proof")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-jcs-2022":
        raise ValueError("not an eddsa-jcs-2022 proof")
    value = proof.get("proofValue", "")
    if not value.startswith("z"):
        raise ValueError("proofValue is not base58btc")
    signature = base58btc_decode(value[1:])
    if proof.get("proofPurpose") != "assertionMethod":
        raise ValueError("not an assertionMethod proof")
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    if "@context" in config:
        # The proof binds the context the document was signed with (3.3.2 step 4).
        context = config["@context"] if isinstance(config["@context"], list) else [config["@context"]]
        own = unsecured.get("@context")
        own = own if isinstance(own, list) else [own]
        if own[:len(context)] != context:
            raise ValueError("the document's @context differs from the proof's")
        unsecured["@context"] = config["@context"]
    data = hashlib.sha256(rfc8785.dumps(config)).digest() + hashlib.sha256(rfc8785.dumps(unsecured)).digest()
    did = proof.get("verificationMethod", "").split("#")[0]
    try:
        Ed25519PublicKey.from_public_bytes(did_key_public_key(did)).verify(signature, data)
    except InvalidSignature:
        raise ValueError("the signature does not verify")
    return did


def issuer_id(document):
    issuer = document.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def status_of(certificate, lists):
    entry = certificate.get("credentialStatus")
    if entry is None:
        return "no entry"
    if entry.get("type") != "BitstringStatusListEntry" or entry.get("statusPurpose") != "revocation":
        return "invalid entry"
    status_list = lists.get(entry.get("statusListCredential"))
    if status_list is None:
        return "no list"
    try:
        if verify_proof(status_list) != issuer_id(certificate) or issuer_id(status_list) != issuer_id(certificate):
            return "invalid list: not signed by the certificate's issuer"
    except ValueError as error:
        return "invalid list: %s" % error
    subject = status_list["credentialSubject"]
    encoded = subject["encodedList"]
    if not encoded.startswith("u"):
        return "invalid list: encodedList is not multibase base64url"
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    if len(bits) * 8 < 131072:
        return "invalid list: shorter than 131,072 entries"
    index = int(entry["statusListIndex"])
    return "revoked" if bits[index // 8] & (0x80 >> (index % 8)) else "not revoked"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issuer", required=True, help="the expected issuer did:key")
    parser.add_argument("--status-list", action="append", default=[], help="a status list credential file")
    parser.add_argument("certificates", nargs="+")
    arguments = parser.parse_args()
    lists = {}
    for path in arguments.status_list:
        with open(path, encoding="utf-8") as file:
            status_list = json.load(file)
        lists[status_list["id"]] = status_list
    for path in arguments.certificates:
        with open(path, encoding="utf-8") as file:
            certificate = json.load(file)
        try:
            did = verify_proof(certificate)
            if did != arguments.issuer or issuer_id(certificate) != arguments.issuer:
                raise ValueError("made by another key than the issuer's")
            signature = "valid"
        except ValueError as error:
            signature = "invalid: %s" % error
        subject = certificate.get("credentialSubject", {})
        print(json.dumps({"file": path, "serial": subject.get("serial"), "signature": signature,
                          "status": status_of(certificate, lists)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
