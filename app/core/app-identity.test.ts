import { describe, expect, it } from 'vitest';
import { AppIdentityIndex, parseDesktopEntry } from './app-identity.ts';

describe('parseDesktopEntry', () => {
  it('reads Name, StartupWMClass and the program of the main group only', () => {
    const text = [
      '# a comment',
      '[Desktop Entry]',
      'Type=Application',
      'Name=IntelliJ IDEA',
      'Name[de]=IntelliJ IDEA (de)',
      'StartupWMClass=jetbrains-idea',
      'Exec=env JAVA_HOME=/opt/jdk "/opt/idea/bin/idea.sh" %f',
      '[Desktop Action new]',
      'Name=New Window',
    ].join('\n');
    expect(parseDesktopEntry('jetbrains-idea', text)).toEqual({
      fileId: 'jetbrains-idea',
      name: 'IntelliJ IDEA',
      startupWmClass: 'jetbrains-idea',
      program: 'idea.sh',
    });
  });

  it('leaves out links, directories and entries without a name', () => {
    expect(parseDesktopEntry('x', '[Desktop Entry]\nType=Link\nName=Docs\nURL=https://x')).toBeNull();
    expect(parseDesktopEntry('x', '[Desktop Entry]\nType=Application\nExec=x')).toBeNull();
    expect(parseDesktopEntry('x', 'Name=outside any group')).toBeNull();
  });

  it('names no program for a launcher', () => {
    const flatpak = '[Desktop Entry]\nName=Slack\nExec=/usr/bin/flatpak run com.slack.Slack';
    expect(parseDesktopEntry('com.slack.Slack', flatpak)?.program).toBeNull();
  });
});

describe('AppIdentityIndex', () => {
  const entry = (
    fileId: string,
    name: string,
    startupWmClass: string | null = null,
    program: string | null = null,
  ) => ({
    fileId,
    name,
    startupWmClass,
    program,
  });
  const index = new AppIdentityIndex([
    entry('jetbrains-idea', 'IntelliJ IDEA', 'jetbrains-idea', 'idea.sh'),
    entry('org.gnome.Terminal', 'Terminal', null, 'gnome-terminal'),
    entry('org.gnome.Nautilus', 'Files', null, 'nautilus'),
    entry('org.telegram.desktop', 'Telegram', 'TelegramDesktop', 'Telegram'),
    entry('libreoffice-writer', 'LibreOffice Writer', 'libreoffice-writer', 'libreoffice'),
    entry('org.gnome.Nautilus', 'Shadowed (a later folder)', null, null),
  ]);

  it('finds an app by StartupWMClass, file id, program or the last part of a reverse-DNS id', () => {
    expect(index.identify(['jetbrains-idea', 'jetbrains-idea'])).toEqual({
      app: 'IntelliJ IDEA',
      appId: 'jetbrains-idea',
    });
    expect(index.identify(['TelegramDesktop', 'telegram-desktop'])?.app).toBe('Telegram');
    expect(index.identify(['Org.gnome.Nautilus', 'org.gnome.Nautilus'])?.app).toBe('Files');
    expect(index.identify(['Gnome-terminal', 'gnome-terminal-server'])).toEqual({
      app: 'Terminal',
      appId: 'Gnome-terminal',
    });
    expect(index.identify(['libreoffice-writer', 'libreoffice'])?.app).toBe('LibreOffice Writer');
    expect(index.identify(['nautilus'])?.app).toBe('Files');
  });

  it('keeps the first entry of a file id and answers null for an unknown app', () => {
    expect(index.size).toBe(5);
    expect(index.identify(['TaUnknown', 'xterm'])).toBeNull();
    expect(index.identify([])).toBeNull();
  });
});
