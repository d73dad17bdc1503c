// The administrator's REST call of LTI (server/src/lti): the registration address to give a
// platform, and the platforms already registered. Apart from the panel, so that the first steps
// (`account/FirstSteps`) read it without the panel's code and stylesheet.
import { requestJson } from '../ui/requestJson.js';

export interface LtiRegistration {
  url: string;
  platforms: { issuer: string; clientId: string; deploymentIds: string[]; createdAt: string }[];
}

export const ltiApi = {
  registration: () => requestJson<LtiRegistration>('/api/lti/registration'),
};
