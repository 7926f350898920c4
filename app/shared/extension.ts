/**
 * The browser extension's identity. Chrome derives an extension's id from the public key in its manifest
 * (`key`), so the unpacked build and every install get the same id, and the API can allow exactly the
 * origin `chrome-extension://<EXTENSION_ID>`. The id is the first 128 bits of the SHA-256 of the key, written
 * with the letters a–p for the hex digits 0–f (checked in a test).
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1xiFhFtRNA+855hbzEfucvsiF3DDG75FwAsoaIHN1xho3J2yfTCqn3KaLANtxvmHLEw0090qXK5EYPw5yvf3jBbmk3fwRHy6sKylQxB3xUXNwLG+yxd59+LCvxPt3wI4b3ExoIAq2sdC1fdskyeopvQVlTR1V6Mfxe61sVuAI2KqUYQ/AK1Gstx/UJIOIvjdBa+6ObdM2BAqYURMEp6Yq4ObYC0/Pec7dcvUOgmQhUf9T6OrWo+ZrKzSzoho/gtrGdj4sbBQJqgqdoLK6VjeytzxRL6caqM0dZkCP/TCSKCDC3o5AaBLchiE2RtD7II4uhAx9qc16lglf+NGBvx3RQIDAQAB';

export const EXTENSION_ID = 'gepkbnabllhahbccecandpakdmijbphm';

export const extensionOrigin = (id: string = EXTENSION_ID): string => `chrome-extension://${id}`;
