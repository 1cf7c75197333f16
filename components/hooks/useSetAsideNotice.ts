import { useEffect, useState } from 'preact/hooks';
import { onRecordsSetAside } from '../../utils/db/validated';

/** How many unreadable records this page has set aside, so it can tell the clinician. */
export function useSetAsideCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => onRecordsSetAside((added) => setCount((total) => total + added)), []);
  return count;
}
