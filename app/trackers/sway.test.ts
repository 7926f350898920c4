// The GET_TREE shapes sway answers (see sway-ipc(7)), including what the headless test sway cannot show:
// XWayland windows (no Xwayland there) and floating containers.
import { describe, expect, it } from 'vitest';
import { focusedWindow } from './sway.ts';

const tree = (focused: object, floating: object[] = []) => ({
  type: 'root',
  focused: false,
  nodes: [
    {
      type: 'output',
      name: 'HEADLESS-1',
      focused: false,
      nodes: [
        {
          type: 'workspace',
          name: '1',
          focused: false,
          nodes: [{ type: 'con', focused: false, app_id: 'foot', name: 'other', pid: 1, nodes: [] }, focused],
          floating_nodes: floating,
        },
      ],
    },
  ],
});

describe('focusedWindow', () => {
  it('names a Wayland window by its app_id and an XWayland one by its WM_CLASS', () => {
    const wayland = { type: 'con', focused: true, app_id: 'org.gnome.Nautilus', name: 'Home', pid: 2 };
    expect(focusedWindow(tree(wayland))).toEqual({ app: 'org.gnome.Nautilus', title: 'Home' });
    const xwayland = {
      type: 'con',
      focused: true,
      app_id: null,
      name: 'Project – IntelliJ IDEA',
      pid: 3,
      window_properties: { class: 'jetbrains-idea', instance: 'jetbrains-idea', title: 'Project' },
    };
    expect(focusedWindow(tree(xwayland))).toEqual({
      app: 'jetbrains-idea',
      title: 'Project – IntelliJ IDEA',
    });
  });

  it('finds a focused floating window, and none when the focus is on an empty workspace', () => {
    const floating = { type: 'floating_con', focused: true, app_id: 'pavucontrol', name: 'Volume', pid: 4 };
    expect(focusedWindow(tree({ type: 'con', focused: false, nodes: [] }, [floating]))).toEqual({
      app: 'pavucontrol',
      title: 'Volume',
    });
    const workspace = { type: 'workspace', name: '9', focused: true, nodes: [] };
    expect(focusedWindow(tree(workspace))).toBeNull();
  });

  it('keeps a title clean and bounded, and survives answers of the wrong shape', () => {
    const odd = { type: 'con', focused: true, app_id: 'foot', name: `a\u0007b${'x'.repeat(3000)}`, pid: 5 };
    const sample = focusedWindow(tree(odd));
    expect(sample?.title.startsWith('a b')).toBe(true);
    expect(sample?.title.length).toBe(2048);
    for (const junk of [null, 42, 'tree', [], { nodes: 'x' }, { nodes: [null, 1] }])
      expect(focusedWindow(junk)).toBeNull();
  });
});
