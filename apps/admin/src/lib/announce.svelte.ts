/**
 * Status messages for everyone: shown as a toast and read by screen readers
 * through one polite live region in the layout.
 */
export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

let notices = $state<Notice[]>([]);
let counter = 0;

export const announcer = {
  get notices() {
    return notices;
  },
};

export function announce(text: string, kind: Notice['kind'] = 'success', ms = 6000): void {
  const id = ++counter;
  notices = [...notices, { id, kind, text }];
  if (ms > 0) setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
}
