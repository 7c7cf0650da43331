/* C, multi interface: a transfer to a port nobody listens on is a failed client span. */
#include <curl/curl.h>
#include <stdio.h>
int main(void) {
  CURLM *m = curl_multi_init();
  CURL *h = curl_easy_init();
  int running = 1, left = 0;
  CURLMsg *msg;
  curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:1/");
  curl_multi_add_handle(m, h);
  while (running) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_poll(m, NULL, 0, 100, NULL);
  }
  while ((msg = curl_multi_info_read(m, &left)))
    if (msg->msg == CURLMSG_DONE) printf("done %d\n", (int)msg->data.result);
  curl_multi_remove_handle(m, h);
  curl_easy_cleanup(h);
  curl_multi_cleanup(m);
  return 0;
}
