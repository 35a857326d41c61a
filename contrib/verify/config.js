// The issuer this page accepts. Write it for your daemon with
//   yanxiuctl certificates status-list --out status-1.json --page-config config.js
// or put the issuer's did:key (logged by yanxiud at start) here by hand.
window.YANXIU_VERIFY = {
  issuer: "did:key:REPLACE-WITH-THE-ISSUER-DID",
  // Every key certificates were signed with, the current one first (after a key change the
  // older certificates keep verifying).
  issuers: ["did:key:REPLACE-WITH-THE-ISSUER-DID"],
  issuerName: "发证机构",
};
