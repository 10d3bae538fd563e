// The benchmarks' test CA and an upstream certificate for 127.0.0.1 (node-forge), written to `dir`:
// { ca, cert, key } file paths. Used by bench/actions.mjs and bench/api-definitions.mjs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export function makeCerts(dir) {
  const keys = () => forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const caKeys = keys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = '01';
  ca.validity.notBefore = new Date(Date.now() - 86_400_000);
  ca.validity.notAfter = new Date(Date.now() + 7 * 86_400_000);
  ca.setSubject([{ name: 'commonName', value: 'ActionBridge bench CA' }]);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, critical: true },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const leafKeys = keys();
  const leaf = forge.pki.createCertificate();
  leaf.publicKey = leafKeys.publicKey;
  leaf.serialNumber = '02';
  leaf.validity.notBefore = ca.validity.notBefore;
  leaf.validity.notAfter = ca.validity.notAfter;
  leaf.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  leaf.setIssuer(ca.subject.attributes);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  leaf.sign(caKeys.privateKey, forge.md.sha256.create());
  const files = { ca: path.join(dir, 'ca.pem'), cert: path.join(dir, 'upstream.pem'), key: path.join(dir, 'upstream.key') };
  writeFileSync(files.ca, forge.pki.certificateToPem(ca));
  writeFileSync(files.cert, forge.pki.certificateToPem(leaf));
  writeFileSync(files.key, forge.pki.privateKeyToPem(leafKeys.privateKey), { mode: 0o600 });
  return files;
}
