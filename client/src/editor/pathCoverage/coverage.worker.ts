// The paths' search can take a while on a large call: it runs off the page's thread.
import { draftCoverage } from './draftCoverage.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.postMessage(draftCoverage(event.data));
};
