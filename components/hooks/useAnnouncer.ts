import { useCallback, useState } from 'preact/hooks';

/**
 * Text for the panel's polite live region, and a function to say something through it. Saying the same words twice
 * still changes the region (an invisible mark alternates), so screen readers read it again.
 */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => setMessage((before) => (before === next ? `${next}\u200b` : next)), []);
  return [message, announce];
}
