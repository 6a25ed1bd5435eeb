import type { mfaEnrollment as en } from '../en/mfa-enrollment.js';

export const mfaEnrollment: Record<keyof typeof en, string> = {
  'mfaEnrollment.title': 'إعداد المصادقة الثنائية',
  'mfaEnrollment.policy': 'تشترط {organization} على الجميع استخدام المصادقة الثنائية. أعِدّها للمتابعة إلى إعداداتك.',
  'mfaEnrollment.notRequired': 'لا تشترط مؤسستك المصادقة الثنائية، لكنها تحمي حسابك إذا انكشفت كلمة مرورك يومًا.',
  'mfaEnrollment.intro': 'يستغرق ذلك دقيقة تقريبًا. تحتاج إلى هاتف أو حاسوب عليه تطبيق مصادقة.',
  'mfaEnrollment.step.app': 'ثبّت تطبيق مصادقة، مثل Google Authenticator أو Microsoft Authenticator أو 1Password، إن لم يكن لديك واحد.',
  'mfaEnrollment.step.scan': 'امسح رمز QR الذي نعرضه لك وأدخل الرمز المكوّن من 6 أرقام من التطبيق.',
  'mfaEnrollment.step.codes': 'احفظ رموز الاسترداد لاستخدامها عندما لا تستطيع استخدام التطبيق.',
  'mfaEnrollment.start': 'ابدأ',
  'mfaEnrollment.done': 'تم إعداد المصادقة الثنائية. جارٍ نقلك إلى إعداداتك…',
  'mfaEnrollment.alreadySet': 'المصادقة الثنائية مُعدّة بالفعل لحسابك.',
};
