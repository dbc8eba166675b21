// Imported first by main.ts, so this runs before the modules after it are evaluated (extension/early-requests.ts tells why).
import { askEarly } from '../../extension/early-requests';

askEarly(location.search);
