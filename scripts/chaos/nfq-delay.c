// nfq-delay: holds every packet of an NFQUEUE queue for a fixed time, then lets it go.
//
//   nfq-delay QUEUE DELAY_MS
//
// The kernel of this machine has no `sch_netem` (tc's netem qdisc cannot be created), so
// scripts/chaos.sh adds latency the other way the kernel offers: iptables sends a node
// namespace's outgoing peer-to-peer packets to an NFQUEUE queue, and this program, run in that
// namespace, issues each packet's ACCEPT verdict DELAY_MS after it arrived (in arrival order; the
// delay is constant, so the order is the due order). Loss is the kernel's own: iptables'
// `statistic` match drops a share of the same packets. Exits on SIGTERM/SIGINT; the queue's rule
// carries --queue-bypass, so packets pass undelayed once it is gone.
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RING 262144

static uint32_t ids[RING];
static uint64_t due[RING];
static size_t head, tail;
static uint64_t delay_ns, held, passed_at_once;
static volatile sig_atomic_t stop;

static uint64_t now_ns(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static int on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg, struct nfq_data *nfa, void *data) {
	(void)msg;
	(void)data;
	struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
	if (!ph) return 0;
	uint32_t id = ntohl(ph->packet_id);
	if ((tail + 1) % RING == head) {
		// The ring is full: let the packet go undelayed rather than hold the kernel's queue.
		passed_at_once++;
		return nfq_set_verdict(qh, id, NF_ACCEPT, 0, NULL);
	}
	ids[tail] = id;
	due[tail] = now_ns() + delay_ns;
	tail = (tail + 1) % RING;
	held++;
	return 0;
}

static void on_signal(int s) {
	(void)s;
	stop = 1;
}

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: %s QUEUE DELAY_MS\n", argv[0]);
		return 2;
	}
	uint16_t queue = (uint16_t)atoi(argv[1]);
	delay_ns = (uint64_t)atoll(argv[2]) * 1000000ull;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);

	struct nfq_handle *h = nfq_open();
	if (!h) { perror("nfq_open"); return 1; }
	nfq_unbind_pf(h, AF_INET);
	if (nfq_bind_pf(h, AF_INET) < 0) { perror("nfq_bind_pf"); return 1; }
	struct nfq_q_handle *qh = nfq_create_queue(h, queue, &on_packet, NULL);
	if (!qh) { perror("nfq_create_queue"); return 1; }
	if (nfq_set_mode(qh, NFQNL_COPY_META, 0) < 0) { perror("nfq_set_mode"); return 1; }
	nfq_set_queue_maxlen(qh, RING);
	nfnl_rcvbufsiz(nfq_nfnlh(h), 16 * 1024 * 1024);
	int fd = nfq_fd(h);
	fprintf(stderr, "nfq-delay: queue %u, %llu ms\n", queue, (unsigned long long)(delay_ns / 1000000ull));

	char buf[65536] __attribute__((aligned));
	while (!stop) {
		int timeout = -1;
		if (head != tail) {
			uint64_t n = now_ns();
			timeout = due[head] > n ? (int)((due[head] - n) / 1000000ull) + 1 : 0;
		}
		struct pollfd p = {.fd = fd, .events = POLLIN};
		int r = poll(&p, 1, timeout);
		if (r < 0 && errno != EINTR) { perror("poll"); break; }
		if (r > 0 && (p.revents & POLLIN)) {
			ssize_t len = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
			if (len > 0) nfq_handle_packet(h, buf, (int)len);
			else if (len < 0 && errno == ENOBUFS) fprintf(stderr, "nfq-delay: kernel queue overran\n");
		}
		uint64_t n = now_ns();
		while (head != tail && due[head] <= n) {
			nfq_set_verdict(qh, ids[head], NF_ACCEPT, 0, NULL);
			head = (head + 1) % RING;
		}
	}
	// Let whatever is still held go before leaving.
	while (head != tail) {
		nfq_set_verdict(qh, ids[head], NF_ACCEPT, 0, NULL);
		head = (head + 1) % RING;
	}
	fprintf(stderr, "nfq-delay: held %llu packets, %llu passed at once (ring full)\n",
	        (unsigned long long)held, (unsigned long long)passed_at_once);
	nfq_destroy_queue(qh);
	nfq_close(h);
	return 0;
}
