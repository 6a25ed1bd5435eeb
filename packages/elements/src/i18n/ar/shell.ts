import type { shell as en } from '../en/shell.js';

export const shell: Record<keyof typeof en, string> = {
  'shell.nav.label': 'الإعدادات',
  'shell.menu.button': 'قائمة الإعدادات',
  'shell.menu.current': 'قائمة الإعدادات: {section}',
  'shell.section.profile': 'الملف الشخصي',
  'shell.section.security': 'الأمان',
  'shell.section.sessions': 'الجلسات',
  'shell.section.notifications': 'الإشعارات',
  'shell.section.organization': 'المؤسسة',
  'shell.section.branding': 'الهوية البصرية',
  'shell.section.team': 'الفريق',
  'shell.section.integrations': 'التكاملات',
  'shell.section.audit-log': 'سجل التدقيق',
  'shell.section.mfa-enrollment': 'إعداد المصادقة الثنائية',
  'shell.loading': 'جارٍ تحميل إعداداتك…',
  'shell.error.title': 'تعذّر تحميل إعداداتك',
  'shell.sectionError.title': 'تعذّر تحميل هذا القسم',
  'shell.sectionError.body': 'تعذّر تنزيل جزء من منطقة الإعدادات. تحقّق من اتصالك ثم أعد المحاولة.',
  'shell.opened': 'إعدادات {section}',
};
