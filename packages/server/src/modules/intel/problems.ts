import { registerProblemType } from '../../http/problem';

registerProblemType('INTEL_BAD_ENVELOPE', 400, 'The envelope or bundle is not valid');
registerProblemType('INTEL_BAD_CURSOR', 400, "The 'next' value is not valid");
registerProblemType('INTEL_BAD_FILTER', 400, 'A filter parameter is not valid');
registerProblemType('INTEL_TOO_LARGE', 413, 'The content is larger than this server accepts');
