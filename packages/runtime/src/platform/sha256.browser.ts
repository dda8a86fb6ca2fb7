// Browsers: the pure-JS SHA-256 the AWS SDK uses (see sha256.ts).
export { Sha256 } from "@aws-crypto/sha256-js";
