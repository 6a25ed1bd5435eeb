import type { mfaEnrollment as en } from '../en/mfa-enrollment.js';

export const mfaEnrollment: Record<keyof typeof en, string> = {
  'mfaEnrollment.title': 'Configurez l’authentification à deux facteurs',
  'mfaEnrollment.policy': '{organization} exige que tout le monde utilise l’authentification à deux facteurs. Configurez-la pour accéder à vos paramètres.',
  'mfaEnrollment.notRequired': 'Votre organisation n’exige pas l’authentification à deux facteurs, mais elle protège votre compte si votre mot de passe venait à être divulgué.',
  'mfaEnrollment.intro': 'Cela prend environ une minute. Il vous faut un téléphone ou un ordinateur avec une application d’authentification.',
  'mfaEnrollment.step.app': 'Installez une application d’authentification, comme Google Authenticator, Microsoft Authenticator ou 1Password, si vous n’en avez pas.',
  'mfaEnrollment.step.scan': 'Scannez le code QR affiché et saisissez le code à 6 chiffres de l’application.',
  'mfaEnrollment.step.codes': 'Enregistrez vos codes de récupération pour les cas où vous ne pourrez pas utiliser l’application.',
  'mfaEnrollment.start': 'Commencer',
  'mfaEnrollment.done': 'L’authentification à deux facteurs est configurée. Redirection vers vos paramètres…',
  'mfaEnrollment.alreadySet': 'L’authentification à deux facteurs est déjà configurée pour votre compte.',
};
