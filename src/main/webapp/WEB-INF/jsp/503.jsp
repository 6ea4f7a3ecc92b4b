<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "503"); %>
<%@ include file="_top.jspf" %>
<h1>${en ? 'Busy right now' : '잠시 후 다시 시도해 주세요'}</h1>
<p>${en ? 'Too many requests are being handled at the moment. Nothing you sent was lost or half-saved: please try again in a few seconds.' : '지금 처리 중인 요청이 많습니다. 보내신 내용은 저장되지 않았으니 몇 초 후 다시 시도해 주세요.'}</p>
<p class="error-code">503</p>
<%@ include file="_bottom.jspf" %>
