import { useEffect } from 'react';

/** Sets the tab's title (read first by screen readers when a page opens). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
