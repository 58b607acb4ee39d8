/** Two behaviours every edit form has: a warning before leaving unsaved work, and Ctrl/Cmd+S. */
import { beforeNavigate } from '$app/navigation';
import { t } from './i18n/locale.svelte';

/**
 * Call during component set-up. Being sent to sign in because the session
 * expired asks nothing: `onSignIn` keeps the work to be restored after signing in.
 */
export function guardUnsaved(isDirty: () => boolean, onSignIn?: () => void): void {
  beforeNavigate((navigation) => {
    if (!isDirty()) return;
    const to = navigation.to?.url;
    if (onSignIn && to?.pathname.endsWith('/sign-in') && to.searchParams.get('expired') === '1') {
      onSignIn();
      return;
    }
    // Closing the tab or leaving the site: cancel() makes the browser ask.
    if (navigation.type === 'leave') {
      navigation.cancel();
      return;
    }
    if (!confirm(t('common.unsaved'))) navigation.cancel();
  });
}

/** Call during component set-up; the handler runs on Ctrl+S / Cmd+S anywhere on the page. */
export function saveShortcut(save: () => void): void {
  $effect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
