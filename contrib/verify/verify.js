// Certificate verification in the browser: no build step, no third-party code.
// The proof is W3C Data Integrity eddsa-jcs-2022: Ed25519 over
// SHA-256(JCS(proof configuration)) || SHA-256(JCS(document without proof)),
// with the public key taken from the issuer's did:key. Revocation is read from a
// W3C Bitstring Status List credential, itself checked the same way.
"use strict";

const CONFIG = window.YANXIU_VERIFY || {};
// The issuer's did:key and, after a key change, the keys it signed with before.
const ACCEPTED_ISSUERS = Array.isArray(CONFIG.issuers) ? CONFIG.issuers : [CONFIG.issuer];

function isOurs(did, document) {
  return ACCEPTED_ISSUERS.includes(did) && issuerId(document) === did;
}
const LIST_MINIMUM_ENTRIES = 131072;

// ---- RFC 8785 JSON Canonicalization Scheme ------------------------------------------
// JSON.stringify already writes strings and numbers as RFC 8785 requires (ECMAScript
// serialisation); members are sorted by their UTF-16 code units, which is how JavaScript
// compares strings.
function canonicalize(value) {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return "[" + value.map(canonicalize).join(",") + "]";
  return "{" + Object.keys(value).sort().map((key) => JSON.stringify(key) + ":" + canonicalize(value[key])).join(",") + "}";
}

// ---- Encodings -------------------------------------------------------------------------
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58Decode(text) {
  const bytes = [0];
  for (const character of text) {
    let carry = BASE58.indexOf(character);
    if (carry < 0) throw new Error("not base58");
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) { bytes.push(carry & 0xff); carry >>= 8; }
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === "1") zeros++;
  while (bytes.length > 1 && bytes[bytes.length - 1] === 0) bytes.pop();
  const body = text.length === zeros ? [] : bytes.reverse();
  return new Uint8Array([...new Array(zeros).fill(0), ...body]);
}

function base64urlDecode(text) {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

function base64urlEncode(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const utf8 = new TextEncoder();

async function sha256(text) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", utf8.encode(text)));
}

// did:key:z6Mk… = multibase base58btc of the multicodec ed25519-pub (0xed 0x01) and 32 bytes.
function didKeyPublicKey(did) {
  if (typeof did !== "string" || !did.startsWith("did:key:z")) throw new Error("not a did:key");
  const bytes = base58Decode(did.slice("did:key:z".length));
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) throw new Error("not an Ed25519 did:key");
  return bytes.slice(2);
}

// ---- eddsa-jcs-2022 ----------------------------------------------------------------------
// Resolves to {ok: true, did} when the proof verifies with the key of its verification
// method's did:key, {ok: false, why} otherwise.
async function verifyProof(document) {
  const proof = document.proof;
  if (!proof || typeof proof !== "object" || Array.isArray(proof)) return { ok: false, why: "没有签名" };
  const did = String(proof.verificationMethod || "").split("#")[0];
  let publicKey;
  try {
    publicKey = didKeyPublicKey(did);
  } catch (error) {
    return { ok: false, why: "签名密钥无法解析" };
  }
  const result = await verifyProofWithKey(document, publicKey);
  return result.ok ? { ok: true, did } : result;
}

// The proof checked with a given Ed25519 public key (32 bytes): section 3.3.2.
async function verifyProofWithKey(document, publicKey) {
  const proof = document.proof;
  if (!proof || typeof proof !== "object" || Array.isArray(proof)) return { ok: false, why: "没有签名" };
  if (proof.type !== "DataIntegrityProof" || proof.cryptosuite !== "eddsa-jcs-2022") return { ok: false, why: "不是 eddsa-jcs-2022 签名" };
  if (typeof proof.proofValue !== "string" || !proof.proofValue.startsWith("z")) return { ok: false, why: "签名值格式错误" };
  let signature;
  try {
    signature = base58Decode(proof.proofValue.slice(1));
  } catch (error) {
    return { ok: false, why: "签名值格式错误" };
  }
  if (proof.proofPurpose !== "assertionMethod") return { ok: false, why: "签名用途不符" };
  const config = {};
  for (const [key, value] of Object.entries(proof)) if (key !== "proofValue") config[key] = value;
  const unsecured = {};
  for (const [key, value] of Object.entries(document)) if (key !== "proof") unsecured[key] = value;
  if ("@context" in config) {
    // The proof binds the context the document was signed with (3.3.2 step 4).
    const context = [].concat(config["@context"]);
    const own = [].concat(unsecured["@context"]);
    if (canonicalize(own.slice(0, context.length)) !== canonicalize(context)) return { ok: false, why: "文档的 @context 与签名不符" };
    unsecured["@context"] = config["@context"];
  }
  const hashData = new Uint8Array(64);
  hashData.set(await sha256(canonicalize(config)), 0);
  hashData.set(await sha256(canonicalize(unsecured)), 32);
  const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, signature, hashData);
  return ok ? { ok: true } : { ok: false, why: "签名与内容不符" };
}

function issuerId(document) {
  const issuer = document.issuer;
  return issuer && typeof issuer === "object" ? issuer.id : issuer;
}

// ---- Reading the PDF -----------------------------------------------------------------------
class Unreadable extends Error {
  constructor(kind, message) { super(message); this.kind = kind; }
}

const latin1 = new TextDecoder("latin1");

function indexOfBytes(bytes, needle, from) {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

async function inflate(bytes, format) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// The embedded file (the signed credential) and what the document information says the
// page prints. Our PDFs keep the attachment uncompressed; a re-saved one may deflate it.
async function readPDF(bytes) {
  let marker = -1;
  for (let at = indexOfBytes(bytes, "/Type /EmbeddedFile", 0); at >= 0; at = indexOfBytes(bytes, "/Type /EmbeddedFile", at + 1)) {
    if (bytes[at + 19] !== 0x73) { marker = at; break; } // skip "/EmbeddedFiles"
  }
  const complete = indexOfBytes(bytes, "%%EOF", Math.max(0, bytes.length - 1024)) >= 0;
  if (marker < 0) {
    if (!complete) throw new Unreadable("truncated", "PDF 文件不完整");
    throw new Unreadable("not-certificate", "PDF 中没有内附的电子证书");
  }
  const head = latin1.decode(bytes.subarray(Math.max(0, marker - 400), marker));
  const start = marker - 400 + Math.max(head.lastIndexOf(" obj"), 0);
  const keyword = indexOfBytes(bytes, "stream", marker);
  if (keyword < 0) throw new Unreadable("truncated", "PDF 文件不完整");
  const dictionary = latin1.decode(bytes.subarray(Math.max(start, 0), keyword));
  const length = /\/Length (\d+)/.exec(dictionary);
  let dataStart = keyword + 6;
  if (bytes[dataStart] === 0x0d) dataStart++;
  if (bytes[dataStart] === 0x0a) dataStart++;
  if (!length || dataStart + Number(length[1]) > bytes.length || !complete) throw new Unreadable("truncated", "PDF 文件不完整");
  let data = bytes.subarray(dataStart, dataStart + Number(length[1]));
  if (/\/Filter\s*\/FlateDecode/.test(dictionary)) data = await inflate(data, "deflate");
  else if (/\/Filter/.test(dictionary)) throw new Unreadable("not-certificate", "内附文件的压缩方式无法读取");
  return { attachment: data, printedSerial: infoText(bytes, "/CertificateSerial"), printedHolder: infoText(bytes, "/CertificateHolder") };
}

function infoText(bytes, key) {
  const at = indexOfBytes(bytes, key + " <FEFF", 0);
  if (at < 0) return null;
  const start = at + key.length + 6;
  const end = indexOfBytes(bytes, ">", start);
  const hex = latin1.decode(bytes.subarray(start, end));
  let text = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
}

// ---- Revocation ------------------------------------------------------------------------------
// {state: "not-revoked"|"revoked"|"no-entry"|"unchecked"|"bad-list", text}
async function revocationStatus(certificate, statusList) {
  const entry = certificate.credentialStatus;
  if (!entry) return { state: "no-entry", text: "未知：此证书签发于启用状态列表之前，不含撤销状态条目，请向发证机构查询" };
  if (entry.type !== "BitstringStatusListEntry" || entry.statusPurpose !== "revocation") return { state: "bad-list", text: "证书的状态条目无法识别" };
  let list = statusList;
  if (!list && /^https?:/.test(location.protocol) && /^https?:\/\//.test(entry.statusListCredential)) {
    try {
      const response = await fetch(entry.statusListCredential, { cache: "no-cache" });
      if (response.ok) list = await response.json();
    } catch (error) { /* reported as unchecked below */ }
  }
  if (!list) return { state: "unchecked", text: "未核验：请在上方“撤销状态列表”中选择发证机构公布的状态列表文件" };
  if (list.id !== entry.statusListCredential) return { state: "bad-list", text: "所选状态列表不是此证书所属的列表（应为 " + entry.statusListCredential + "）" };
  const types = Array.isArray(list.type) ? list.type : [];
  const subject = list.credentialSubject || {};
  if (!types.includes("BitstringStatusListCredential") || subject.statusPurpose !== "revocation") return { state: "bad-list", text: "所选文件不是撤销状态列表" };
  const proof = await verifyProof(list);
  if (!proof.ok || !isOurs(proof.did, list)) return { state: "bad-list", text: "状态列表的签名无效或不是发证机构签发，未采用" };
  let bits;
  try {
    if (typeof subject.encodedList !== "string" || !subject.encodedList.startsWith("u")) throw new Error("encoding");
    bits = await inflate(base64urlDecode(subject.encodedList.slice(1)), "gzip");
  } catch (error) {
    return { state: "bad-list", text: "状态列表数据损坏" };
  }
  const index = Number(entry.statusListIndex);
  if (bits.length * 8 < LIST_MINIMUM_ENTRIES || !Number.isInteger(index) || index < 0 || index >= bits.length * 8) return { state: "bad-list", text: "状态列表数据损坏" };
  const revoked = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
  const when = list.validFrom ? "（列表生成于 " + formatDate(list.validFrom) + "）" : "";
  return revoked ? { state: "revoked", text: "已撤销" + when } : { state: "not-revoked", text: "未撤销" + when };
}

// ---- Presenting ------------------------------------------------------------------------------
function formatDate(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return String(text);
  const china = new Date(date.getTime() + 8 * 3600 * 1000);
  return china.getUTCFullYear() + "年" + (china.getUTCMonth() + 1) + "月" + china.getUTCDate() + "日";
}

function trainingWindow(window) {
  if (!window || !window.start || !window.end) return "";
  const lastDay = new Date(new Date(window.end).getTime() - 1).toISOString();
  return formatDate(window.start) + "至" + formatDate(lastDay);
}

const ROLES = { mentalHealthTeacher: "心理健康教育专兼职教师", homeroomTeacher: "班主任" };

function show(state, title, detail, rows) {
  const result = document.getElementById("result");
  const verdict = document.getElementById("verdict");
  verdict.dataset.state = state;
  document.getElementById("verdict-title").textContent = title;
  document.getElementById("verdict-detail").textContent = detail || "";
  const fields = document.getElementById("fields");
  fields.replaceChildren();
  // What an unverified file says is shown so the reader can see what was changed, never as fact.
  const unverified = ["tampered", "foreign", "mismatch"].includes(state) && rows && rows.length > 0;
  for (const [label, value, mark] of (unverified ? [["注意", "以下为文件所载内容，未经核实，不可采信", "bad"]] : []).concat(rows || [])) {
    if (value === undefined || value === null || value === "") continue;
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (mark) dd.className = mark;
    fields.append(dt, dd);
  }
  result.hidden = false;
}

function certificateRows(credential, revocation, extra) {
  const subject = credential.credentialSubject || {};
  const school = subject.school || {};
  const region = school.region || {};
  const training = subject.training || {};
  const issuer = credential.issuer || {};
  return [
    ["持证人", subject.name],
    ["学校", [region.name, school.name].filter(Boolean).join(" ")],
    ["培训", training.title],
    ["培训时间", trainingWindow(training.window)],
    ["认定身份", ROLES[subject.qualifyingRole] || subject.qualifyingRole],
    ["认定学时", subject.recognisedHours === undefined ? "" : subject.recognisedHours + " 学时"],
    ["证书编号", subject.serial],
    ["发证机构", issuer.name || CONFIG.issuerName],
    ["发证日期", credential.validFrom ? formatDate(credential.validFrom) : ""],
    ["撤销状态", revocation ? revocation.text : "", revocation && revocation.state === "revoked" ? "bad" : revocation && revocation.state === "not-revoked" ? "good" : ""],
    ...extra,
  ];
}

// ---- The check --------------------------------------------------------------------------------
let currentFile = null;
let statusListDocument = null;

async function check(file) {
  currentFile = file;
  show("checking", "正在核验…", file.name, []);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  let printed = null;
  try {
    if (latin1.decode(bytes.subarray(0, 5)) === "%PDF-") {
      printed = await readPDF(bytes);
      text = new TextDecoder("utf-8", { fatal: true }).decode(printed.attachment);
    } else {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
  } catch (error) {
    if (error instanceof Unreadable && error.kind === "truncated") return show("truncated", "✗ 文件不完整", "文件已损坏或被截断，无法核验。请向持证人索取完整的证书文件。");
    return show("not-certificate", "✗ 不是证书文件", error instanceof Unreadable ? error.message + "。请选择本平台签发的证书 PDF 或电子证书文件。" : "无法读取此文件。请选择本平台签发的证书 PDF 或电子证书文件。");
  }
  let credential;
  try {
    credential = JSON.parse(text);
  } catch (error) {
    const looksLikeJSON = /^\s*[{[]/.test(text);
    if (looksLikeJSON || printed) return show("truncated", "✗ 文件不完整", "电子证书内容残缺（可能被截断），无法核验。请向持证人索取完整的证书文件。");
    return show("not-certificate", "✗ 不是证书文件", "所选文件不是电子证书（JSON）或证书 PDF。");
  }
  const types = credential && Array.isArray(credential.type) ? credential.type : [];
  if (!types.includes("VerifiableCredential") || !types.includes("TeacherTrainingCertificate") || !credential.credentialSubject) {
    return show("not-certificate", "✗ 不是证书文件", "所选文件不是本平台的教师培训证书。");
  }
  const proof = await verifyProof(credential);
  const subject = credential.credentialSubject;
  if (!proof.ok) {
    return show("tampered", "✗ 证书内容已被改动", "签名核验失败（" + proof.why + "）：文件内容与发证时不同，不能作为有效证书。", certificateRows(credential, null, []));
  }
  if (!isOurs(proof.did, credential)) {
    return show("foreign", "✗ 非本平台签发", "签名完好，但签名密钥不是" + (CONFIG.issuerName || "发证机构") + "的（" + proof.did + "），不能作为本平台的证书。", certificateRows(credential, null, []));
  }
  const extra = [];
  const digest = base64urlEncode(await sha256(canonicalize(credential)));
  const query = new URLSearchParams(location.search);
  if (query.get("sha256")) extra.push(["二维码", query.get("sha256") === digest ? "与此文件一致" : "与此文件不一致", query.get("sha256") === digest ? "good" : "bad"]);
  if (printed && (printed.printedSerial !== subject.serial || printed.printedHolder !== subject.name)) {
    return show("mismatch", "✗ PDF 与内附证书不符", "PDF 上印制的证书编号或姓名（" + printed.printedSerial + "，" + printed.printedHolder + "）与内附的电子证书不一致。", certificateRows(credential, null, extra));
  }
  const revocation = await revocationStatus(credential, statusListDocument);
  if (revocation.state === "revoked") {
    return show("revoked", "✗ 证书已撤销", "签名有效，但发证机构已撤销此证书。", certificateRows(credential, revocation, extra));
  }
  const source = printed ? "PDF 内附的电子证书" : "电子证书";
  show("valid", "✓ 证书有效", source + "签名核验通过：由" + (credential.issuer.name || CONFIG.issuerName) + "签发，内容未被改动。", certificateRows(credential, revocation, extra));
}

async function loadStatusList(file) {
  try {
    statusListDocument = JSON.parse(await file.text());
  } catch (error) {
    statusListDocument = { id: "(无法读取的文件)" };
  }
  if (currentFile) await check(currentFile);
}

function run(promise) {
  promise.catch((error) => show("not-certificate", "✗ 无法核验", "浏览器无法完成核验：" + error.message + "（需要支持 Ed25519 的浏览器，如 Chrome 137 或更新版本）。"));
}

document.getElementById("file").addEventListener("change", (event) => {
  if (event.target.files[0]) run(check(event.target.files[0]));
});
document.getElementById("status-file").addEventListener("change", (event) => {
  if (event.target.files[0]) run(loadStatusList(event.target.files[0]));
});
const drop = document.getElementById("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  if (event.dataTransfer.files[0]) run(check(event.dataTransfer.files[0]));
});

const scanned = new URLSearchParams(location.search);
if (scanned.get("serial")) {
  const box = document.getElementById("scanned");
  box.textContent = "二维码所示证书编号：" + scanned.get("serial") + "。请选择此证书的 PDF 或电子证书文件完成核验。";
  box.hidden = false;
}
