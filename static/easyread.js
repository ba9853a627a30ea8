// Start GOV.UK Frontend's components (error summary focus, service navigation menu, etc.).
import { initAll } from './govuk/govuk-frontend.min.js'

initAll()
