// A test certificate authority and the certificates it issues, made at test time
// (RSA keys from Node's native generator, X.509 from node-forge). Trust the CA by
// handing `ca.certPem` to the code under test (Egress caPems, --ca-file).
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface TestCert {
  /** The leaf certificate, PEM. */
  certPem: string;
  /** Its private key, PEM. */
  keyPem: string;
}

export interface IssueOptions {
  /** DNS names in subjectAltName, e.g. ['api.test.example']. */
  dnsNames?: string[];
  /** IP addresses in subjectAltName, e.g. ['127.0.0.1']. */
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export interface TestCa {
  /** The CA certificate, PEM: what a client must trust. */
  certPem: string;
  /** A server certificate signed by this CA. */
  issue(options: IssueOptions): TestCert;
}

const DAY = 24 * 60 * 60 * 1000;

function serialNumber(): string {
  // Positive (high bit clear) and unique enough for a test run.
  return `01${randomBytes(15).toString('hex')}`;
}

function newKeys(): forge.pki.rsa.KeyPair {
  // node-forge uses Node's native RSA key generation when it is available.
  return forge.pki.rsa.generateKeyPair({ bits: 2048 });
}

export function createTestCa(commonName = 'ActionBridge Test CA'): TestCa {
  const keys = newKeys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = keys.publicKey;
  ca.serialNumber = serialNumber();
  ca.validity.notBefore = new Date(Date.now() - DAY);
  ca.validity.notAfter = new Date(Date.now() + 30 * DAY);
  const subject = [{ name: 'commonName', value: commonName }];
  ca.setSubject(subject);
  ca.setIssuer(subject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(keys.privateKey, forge.md.sha256.create());
  const caKeyId = ca.generateSubjectKeyIdentifier().getBytes();

  return {
    certPem: forge.pki.certificateToPem(ca),
    issue({ dnsNames = [], ips = [], notBefore, notAfter }: IssueOptions): TestCert {
      const leafKeys = newKeys();
      const cert = forge.pki.createCertificate();
      cert.publicKey = leafKeys.publicKey;
      cert.serialNumber = serialNumber();
      cert.validity.notBefore = notBefore ?? new Date(Date.now() - DAY);
      cert.validity.notAfter = notAfter ?? new Date(Date.now() + 7 * DAY);
      cert.setSubject([{ name: 'commonName', value: dnsNames[0] ?? ips[0] ?? 'test' }]);
      cert.setIssuer(subject);
      cert.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...dnsNames.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))],
        },
        { name: 'subjectKeyIdentifier' },
        { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
      ]);
      cert.sign(keys.privateKey, forge.md.sha256.create());
      return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(leafKeys.privateKey) };
    },
  };
}
