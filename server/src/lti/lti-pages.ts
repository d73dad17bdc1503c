// The few pages the LTI flow shows inside the platform's frame, rendered here because they are
// steps of the protocol (form posts to the platform), not pages of the app. No inline script:
// the CSP allows scripts from this server only (`/lti/close.js`).
const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, script?: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Écoute</title>${script ? `<script src="${script}" defer></script>` : ''}</head><body><main>${body}</main></body></html>`;
}

/** Deep Linking: the instructor picks the scenario of the activity. */
export function deepLinkPicker(
  token: string,
  scenarios: { id: string; title: string; summary: string }[],
): string {
  const items = scenarios
    .map(
      (s) =>
        `<li><form method="post" action="/lti/deep-link"><input type="hidden" name="token" value="${escape(token)}"><input type="hidden" name="scenario" value="${escape(s.id)}"><h2>${escape(s.title)}</h2><p>${escape(s.summary)}</p><button type="submit">Choisir « ${escape(s.title)} »</button></form></li>`,
    )
    .join('');
  return page('Choisir un scénario', `<h1>Choisir le scénario de l'activité</h1><ul>${items}</ul>`);
}

/** Deep Linking: back to the platform with the tool's signed answer. */
export function deepLinkReturn(returnUrl: string, jwt: string): string {
  return page(
    'Retour à la plateforme',
    `<h1>Scénario choisi</h1><form id="lti-return" method="post" action="${escape(returnUrl)}"><input type="hidden" name="JWT" value="${escape(jwt)}"><button type="submit">Revenir à la plateforme</button></form>`,
    '/lti/close.js',
  );
}

export function registrationDone(ok: boolean, message: string): string {
  return page(
    'Enregistrement LTI',
    `<h1>${ok ? 'Écoute est enregistré sur la plateforme' : 'Enregistrement impossible'}</h1><p role="status">${escape(message)}</p>`,
    ok ? '/lti/close.js' : undefined,
  );
}

/** Sends the Deep Linking form at once, and closes the registration frame (LTI Dynamic Registration §3.5). */
export const CLOSE_SCRIPT = `(function () {
  var form = document.getElementById('lti-return');
  if (form) { form.submit(); return; }
  (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
})();
`;
