// The employer's side of the story, over the public API as the README's curl examples do.
import { baseUrl, employerApiKey } from './env.mjs';

/** Posts an open vacancy; returns its id. */
export async function postVacancy({ title, requiredSkills, outcode = 'M1', kind = 'JOB' }) {
  const closing = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const response = await fetch(`${baseUrl}/api/v1/vacancies`, {
    method: 'POST',
    headers: { 'X-API-Key': employerApiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title,
      kind,
      outcode,
      workMode: 'HYBRID',
      closingDate: closing,
      description: `${title}, in our Manchester team, with training from day one.`,
      deviceProvided: true,
      flexibleHours: true,
      disabilityConfident: true,
      requiredSkills,
    }),
  });
  const body = await response.text();
  if (response.status !== 201) {
    throw new Error(`posting the vacancy "${title}" answered ${response.status}: ${body}`);
  }
  return JSON.parse(body).vacancyId;
}
