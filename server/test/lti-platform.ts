// The simulated LTI 1.3 platform lives in test/support (the browser test serves its pages too).
export * from '@ecoute/test/support/lti-platform.js';
