/** The app's version, shown by /v1/health and `timeaudit --version`. Kept in step with package.json by a test. */
export const APP_VERSION = '0.1.0';

/** The only wire schema version of events this app accepts. */
export const EVENT_SCHEMA_VERSION = 1;
