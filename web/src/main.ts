import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { ApiError } from './api/client';
import { router } from './router';
import 'element-plus/theme-chalk/base.css';
import './theme.css';

const app = createApp(App).use(createPinia()).use(router);
// A failed API call has already been shown to the user (a message, a form error, or the login
// page after a 401); only what is not an ApiError is a bug worth the browser console.
app.config.errorHandler = (err) => {
  if (!(err instanceof ApiError)) console.error(err);
};
window.addEventListener('unhandledrejection', (e) => {
  if (e.reason instanceof ApiError) e.preventDefault();
});
app.mount('#app');
