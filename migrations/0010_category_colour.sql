-- A colour per category, chosen by the user: '#rrggbb' in lower case, or NULL for the dashboard's own palette
-- colour (what every category had before). The app writes it lower case; the CHECK keeps any other tool honest.
ALTER TABLE categories ADD COLUMN colour TEXT
  CHECK (colour IS NULL OR (length(colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'));
