#!/usr/bin/env python3
"""Prints, as hex, the kernel's reply to RTM_GETLINK for lo (index 1) in the current network namespace.

Run by capture.sh inside a fresh namespace: a plain AF_NETLINK socket and a hand-built request, so the reply
is exactly what the kernel sends, independent of the code under test.
"""
import socket
import struct

NETLINK_ROUTE = 0
RTM_GETLINK = 18
NLM_F_REQUEST = 1

s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_ROUTE)
s.bind((0, 0))
body = struct.pack("=BBHiII", 0, 0, 0, 1, 0, 0)  # ifinfomsg for index 1
s.send(struct.pack("=IHHII", 16 + len(body), RTM_GETLINK, NLM_F_REQUEST, 1, 0) + body)
reply = s.recv(65536)
print(reply.hex())
