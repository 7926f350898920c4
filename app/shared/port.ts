/** The API's port on 127.0.0.1 unless the user picks another (settings, --port, $TIMEAUDIT_PORT). */
export const DEFAULT_PORT = 47600;
