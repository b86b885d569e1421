"""Headless Chromium on the inbox's staff pages (selenium + chromedriver from Debian), for browser_test.py
and publish_browser_test.py: started as both need it, signed in through the sign-in form as staff do (the
one browser sign-in of the tests; arrangement.py's Arrangement.sign_in is the same over HTTP), and
screenshots of the whole page at a desktop or a narrow width, each failing when the page is wider than
the window (a table or form that does not fit)."""
import os

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from arrangement import PASSWORD

DESKTOP = (1440, 1000)
TABLET = (820, 1180)  # a tablet, portrait
PHONE = (390, 844)


class StaffBrowser:
    def __init__(self, port, shots):
        options = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--ignore-certificate-errors", f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB"):
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        self.driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        self.base, self.shots_dir = f"https://127.0.0.1:{port}", shots
        self.too_wide = []  # the screenshots whose page was wider than the window

    def quit(self):
        self.driver.quit()

    def wait_for(self, css, text=""):
        """Waits (up to 30 s, for loaded machines) until an element matching css is there (and shows `text`)."""
        located = (By.CSS_SELECTOR, css)
        condition = (expected_conditions.text_to_be_present_in_element(located, text) if text
                     else expected_conditions.presence_of_element_located(located))
        WebDriverWait(self.driver, 30).until(condition)

    def size(self, size):
        self.driver.set_window_size(*size)

    def shot(self, name):
        """The whole page at the window's width: the window grown to the page's height first."""
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        width = self.driver.get_window_size()["width"]
        self.driver.set_window_size(width, max(600, height + 120))
        self.driver.save_screenshot(os.path.join(self.shots_dir, name))
        overflow = self.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            self.too_wide.append(f"{name}: the page is {overflow} px wider than the window ({width} px)")

    def check_fit(self):
        """After the screenshots (all of them taken, to look at): every page fitted its window's width."""
        assert not self.too_wide, "; ".join(self.too_wide)

    def shots(self, name):
        """`name`.png at the desktop width, then `name`-phone.png at a phone's, each checked for width."""
        self.size(DESKTOP)
        self.shot(name + ".png")
        self.size(PHONE)
        self.shot(name + "-phone.png")
        self.size(DESKTOP)

    def sign_in(self, user="vanessa", password=PASSWORD):
        """Through the sign-in form, as staff do; waits for the signed-in menu."""
        self.driver.get(self.base + "/login")
        self.driver.find_element(By.NAME, "user").send_keys(user)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        self.driver.find_element(By.CSS_SELECTOR, "button.primary").click()
        self.wait_for("header nav")
