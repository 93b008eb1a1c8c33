// The token lives in sessionStorage: it is gone with the tab, and never sent as a cookie.
const KEY = 'image-catalog.token';

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string) => sessionStorage.setItem(KEY, token);
export const forgetToken = () => sessionStorage.removeItem(KEY);
