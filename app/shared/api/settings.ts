/** The user's settings, as the dashboard's Settings card reads and changes them. */
import { ROUTES } from '../routes.ts';
import { settingsPatch, type SettingsView } from '../settings-api.ts';
import { endpoint } from './endpoint.ts';

export const settingsApi = {
  getSettings: endpoint<SettingsView>()({ ...ROUTES.getSettings }),
  updateSettings: endpoint<SettingsView>()({ ...ROUTES.updateSettings, body: settingsPatch }),
};
