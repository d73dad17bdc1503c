import { Component, Suspense, type ReactNode } from 'react';

/**
 * Around a lazily loaded view: a fallback while its chunk loads, and a quiet message instead of
 * a broken page if it fails (offline, a new deployment): the rest of the console goes on.
 */
export class ChunkBoundary extends Component<
  { loading: ReactNode; failed: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return this.props.failed;
    return <Suspense fallback={this.props.loading}>{this.props.children}</Suspense>;
  }
}
