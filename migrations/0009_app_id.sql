-- The raw id a desktop gave a tracked window (X11 WM_CLASS, Wayland app_id, a Flatpak id), kept beside the
-- display name in `app` that app identity found for it ("IntelliJ IDEA" for jetbrains-idea). NULL where the
-- two are the same, and for every event recorded before.
ALTER TABLE window_events ADD COLUMN app_id TEXT;
